import type { VideoProviderValue } from "../shared/enums.js";

export interface ParsedVideo {
  provider: VideoProviderValue;
  url: string;
  /** What the player loads: the file or stream itself, or the provider's embed page. */
  playbackUrl: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;

/**
 * An https MP4 (`.mp4`) or HLS (`.m3u8`) URL, or a YouTube (watch, youtu.be, shorts, embed) or Vimeo
 * link; anything else is null. Embeds use YouTube's privacy-enhanced host and Vimeo's player, built
 * from the video id alone, so nothing but the id comes from the URL given.
 */
export function parseVideoUrl(input: string): ParsedVideo | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password) return null;
  const host = url.hostname.toLowerCase().replace(/^www\.|^m\./, "");
  const segments = url.pathname.split("/").filter(Boolean);
  let youtubeId: string | null = null;
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    if (url.pathname === "/watch") youtubeId = url.searchParams.get("v");
    else if (["embed", "shorts", "live", "v"].includes(segments[0] ?? "")) youtubeId = segments[1] ?? null;
  } else if (host === "youtu.be") youtubeId = segments[0] ?? null;
  if (youtubeId !== null)
    return YOUTUBE_ID.test(youtubeId)
      ? { provider: "youtube", url: url.toString(), playbackUrl: `https://www.youtube-nocookie.com/embed/${youtubeId}` }
      : null;
  if (host === "vimeo.com" || host === "player.vimeo.com") {
    const id = host === "player.vimeo.com" ? (segments[0] === "video" ? segments[1] : undefined) : segments.find((s) => VIMEO_ID.test(s));
    return id && VIMEO_ID.test(id) ? { provider: "vimeo", url: url.toString(), playbackUrl: `https://player.vimeo.com/video/${id}` } : null;
  }
  const path = url.pathname.toLowerCase();
  if (path.endsWith(".mp4")) return { provider: "mp4", url: url.toString(), playbackUrl: url.toString() };
  if (path.endsWith(".m3u8")) return { provider: "hls", url: url.toString(), playbackUrl: url.toString() };
  return null;
}
