import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import type { CourseVideoProvider } from "../../../gql/graphql";
import { needsHlsJs } from "../shared/lessons";
import { RecordCourseVideoProgressDocument } from "./operations";

/** How often a playing video tells the server where the student is. */
const REPORT_EVERY_MS = 10_000;

interface VideoContent {
  provider: CourseVideoProvider;
  url: string;
  playbackUrl: string;
  resumePositionSeconds: number;
  watchedPercent: number;
  html: string;
}

interface VideoLessonProps {
  lessonId: string;
  title: string;
  content: VideoContent;
  completed: boolean;
  onCompleted: (completedNow: boolean) => void;
}

/** A video lesson: the page's own player for MP4/HLS, a privacy-friendly embed for YouTube and Vimeo, then the notes. */
export function VideoLesson(props: VideoLessonProps) {
  const { content } = props;
  return (
    <>
      {content.provider === "MP4" || content.provider === "HLS" ? <FilePlayer {...props} /> : <EmbeddedPlayer {...props} />}
      {content.html && <div className="course-html" dangerouslySetInnerHTML={{ __html: content.html }} />}
    </>
  );
}

/**
 * The browser's own player. It starts where the student stopped, and reports the position every few
 * seconds while playing and at every pause, seek and end: the server completes the lesson at 90%.
 */
function FilePlayer({ lessonId, title, content, completed, onCompleted }: VideoLessonProps) {
  const video = useRef<HTMLVideoElement>(null);
  const lastSent = useRef({ at: 0, position: -1 });
  const [record] = useMutation(RecordCourseVideoProgressDocument);
  const [failed, setFailed] = useState(false);

  const report = (force = false) => {
    const element = video.current;
    if (!element || !Number.isFinite(element.duration) || element.duration <= 0) return;
    const position = element.currentTime;
    const now = Date.now();
    if (!force && now - lastSent.current.at < REPORT_EVERY_MS) return;
    if (Math.abs(position - lastSent.current.position) < 0.5) return;
    lastSent.current = { at: now, position };
    void record({ variables: { input: { lessonId, positionSeconds: position, durationSeconds: element.duration } } }).then(({ data }) => {
      const result = data?.recordCourseVideoProgress;
      if (result?.__typename === "CourseProgressSuccess") onCompleted(result.completedNow);
    });
  };
  const reportRef = useRef(report);
  reportRef.current = report;

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stopHls: (() => void) | undefined;
    let left = false;
    if (needsHlsJs(content.provider, element.canPlayType("application/vnd.apple.mpegurl"))) {
      // HLS plays natively where the browser supports it (Safari, iOS, Android, recent Chrome); elsewhere
      // (Firefox) through hls.js, loaded only for such a lesson.
      import("hls.js").then(
        ({ default: Hls }) => {
          if (left) return;
          if (!Hls.isSupported()) return setFailed(true);
          const hls = new Hls();
          hls.on(Hls.Events.ERROR, (_event, data) => {
            if (data.fatal) setFailed(true);
          });
          hls.loadSource(content.playbackUrl);
          hls.attachMedia(element);
          stopHls = () => hls.destroy();
        },
        () => setFailed(true),
      );
    } else element.src = content.playbackUrl;
    // Leaving the lesson, or the tab going to the background, keeps the place reached.
    const hidden = () => {
      if (document.visibilityState === "hidden") reportRef.current(true);
    };
    document.addEventListener("visibilitychange", hidden);
    return () => {
      left = true;
      document.removeEventListener("visibilitychange", hidden);
      reportRef.current(true);
      stopHls?.();
    };
  }, [content.playbackUrl, content.provider]);

  const resume = () => {
    const element = video.current;
    const at = content.resumePositionSeconds;
    if (element && at > 1 && Number.isFinite(element.duration) && at < element.duration - 2) element.currentTime = at;
  };

  return (
    <div className="course-video">
      {/* biome-ignore lint/a11y/useMediaCaption: staff's videos come without caption files; the notes below carry the text. */}
      <video
        ref={video}
        className="course-video-player"
        controls
        preload="metadata"
        playsInline
        aria-label={`Video: ${title}`}
        data-testid="lesson-video"
        onLoadedMetadata={resume}
        onTimeUpdate={() => report()}
        onPause={() => report(true)}
        onSeeked={() => report(true)}
        onEnded={() => report(true)}
        onError={() => setFailed(true)}
      />
      <p className="hint">
        {completed
          ? "You watched this video."
          : content.resumePositionSeconds > 1
            ? `You stopped at ${formatClock(content.resumePositionSeconds)}; the video continues from there.`
            : "Watch to the end (90%) to complete this lesson."}
      </p>
      {failed && (
        <p className="alert alert-error" role="alert">
          This video cannot be played here. <a href={content.url}>Open the video</a> in a new window.
        </p>
      )}
    </div>
  );
}

const EMBED_HOSTS: Record<string, string> = { YOUTUBE: "YouTube", VIMEO: "Vimeo" };

/**
 * YouTube or Vimeo: nothing loads from them until the student presses play (no cookies or requests
 * before that); YouTube's privacy-enhanced host. Their players report no progress to the page, so the
 * student marks the video as watched.
 */
function EmbeddedPlayer({ lessonId, title, content, completed, onCompleted }: VideoLessonProps) {
  const [loaded, setLoaded] = useState(false);
  const [record, { loading }] = useMutation(RecordCourseVideoProgressDocument);
  const host = EMBED_HOSTS[content.provider] ?? "the video site";
  const markWatched = async () => {
    const result = (await record({ variables: { input: { lessonId, positionSeconds: 1, durationSeconds: 1 } } })).data
      ?.recordCourseVideoProgress;
    if (result?.__typename === "CourseProgressSuccess") onCompleted(result.completedNow);
  };
  return (
    <div className="course-video">
      {loaded ? (
        <iframe
          className="course-video-player course-video-embed"
          src={`${content.playbackUrl}${content.playbackUrl.includes("?") ? "&" : "?"}autoplay=1${content.provider === "VIMEO" ? "&dnt=1" : ""}`}
          title={`Video: ${title}`}
          allow="autoplay; fullscreen; picture-in-picture; encrypted-media"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
        />
      ) : (
        <div className="course-video-player course-video-facade">
          <button type="button" className="button button-large" onClick={() => setLoaded(true)}>
            <span aria-hidden="true">▶ </span>Play video<span className="visually-hidden">: {title}</span>
          </button>
          <p className="hint">Playing loads the video from {host}.</p>
        </div>
      )}
      {!completed && (
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={loading} onClick={() => void markWatched()}>
            I've watched this video
          </button>
        </div>
      )}
    </div>
  );
}

function formatClock(seconds: number): string {
  const whole = Math.floor(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, "0")}`;
}
