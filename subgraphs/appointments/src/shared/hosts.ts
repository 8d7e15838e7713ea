import { type EntityManager, KnownStaff } from "@portal/kit";
import { AppointmentHostView } from "../types/appointment-type.types.js";

/** Hosts' names from the identity projection, in the order given (a former team member keeps their name). */
export async function hostViews(em: EntityManager, staffIds: string[]): Promise<AppointmentHostView[]> {
  if (staffIds.length === 0) return [];
  const rows = await em.find(KnownStaff, { staffId: { $in: staffIds } });
  const names = new Map(rows.map((row) => [row.staffId, row.name]));
  return staffIds.map((staffId) => Object.assign(new AppointmentHostView(), { staffId, name: names.get(staffId) ?? "Former team member" }));
}
