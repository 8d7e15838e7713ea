import type { AppointmentTypeRow } from "../types/appointment-type.entity.js";
import { AppointmentLocationView, AppointmentTypeView } from "../types/appointment-type.types.js";
import type { AppointmentLocationKind } from "./enums.js";

export const locationView = (kind: string, value: string) =>
  Object.assign(new AppointmentLocationView(), { kind: kind as AppointmentLocationKind, value });

export const typeView = (row: AppointmentTypeRow): AppointmentTypeView =>
  Object.assign(new AppointmentTypeView(), {
    id: row.id,
    hostStaffIds: row.hostStaffIds,
    name: row.name,
    description: row.description,
    durationMinutes: row.durationMinutes,
    location: locationView(row.locationKind, row.locationValue),
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    minimumNoticeMinutes: row.minimumNoticeMinutes,
    bookingWindowDays: row.bookingWindowDays,
    changeNoticeMinutes: row.changeNoticeMinutes,
    clientBookable: row.clientBookable,
    reminderMinutesBefore: row.reminderMinutesBefore,
    archived: row.archivedAt !== null,
  });
