import { NavLink } from "react-router";
import "./workflows.css";

/** The workflows area's two pages in the console. */
export function WorkflowTabs() {
  return (
    <nav aria-label="Workflows" className="workflow-tabs">
      <NavLink to="/admin/workflows" end>
        Workflows
      </NavLink>
      <NavLink to="/admin/workflows/runs">Execution log</NavLink>
    </nav>
  );
}
