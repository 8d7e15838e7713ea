import type { ReactNode } from "react";
import type { CommunityGroupHeaderFragment } from "../../../gql/graphql";

/** Cover, name, description and size of a group, with room for the page's own actions. */
export function GroupHeader({ group, children }: { group: CommunityGroupHeaderFragment; children?: ReactNode }) {
  return (
    <header className="community-group-header">
      {group.coverImageUrl && <img className="community-cover" src={group.coverImageUrl} alt="" />}
      <div className="community-group-heading">
        <div>
          <h1>
            {group.name}
            {group.archived && <span className="badge community-archived-badge">Archived</span>}
          </h1>
          {group.description && <p className="community-group-description">{group.description}</p>}
          <p className="hint">{group.memberCount === 1 ? "1 member" : `${group.memberCount} members`}</p>
        </div>
        {children && <div className="community-group-tools">{children}</div>}
      </div>
    </header>
  );
}
