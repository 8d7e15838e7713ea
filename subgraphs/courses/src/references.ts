import { isStaffReader, KnownContact, type SubgraphContext } from "@portal/kit";
import { ContactRef } from "./client/contact-ref.js";
import { courseAccessFor, courseIdOfLesson } from "./player/course-access.js";
import { contactIdOf } from "./shared/access.js";
import { isUuid } from "./shared/ids.js";
import { courseView, lessonView } from "./shared/views.js";

/**
 * `_entities` lookups, with the same rules as the queries: a course or lesson for the business's
 * staff and the course's enrolled students while it is published; a Contact (courses holds only its
 * id) for the contact themself or staff; null for anyone else, another business included.
 */
export const referenceResolvers = {
  Course: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      const access = await courseAccessFor(ctx, reference.id);
      return access ? courseView(access.tree.course) : null;
    },
  },
  CourseLesson: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      const courseId = await courseIdOfLesson(ctx.em, reference.id);
      const entry = courseId ? (await courseAccessFor(ctx, courseId))?.state.byLesson.get(reference.id) : undefined;
      return entry ? lessonView(entry) : null;
    },
  },
  Contact: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      if (!ctx.caller.businessId || !isUuid(reference.id)) return null;
      if (contactIdOf(ctx.caller) === reference.id) return ContactRef.of(reference.id);
      if (!isStaffReader(ctx.caller)) return null;
      return (await ctx.em.findOne(KnownContact, { contactId: reference.id })) ? ContactRef.of(reference.id) : null;
    },
  },
};
