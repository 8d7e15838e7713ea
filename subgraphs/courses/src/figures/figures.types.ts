import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType("CourseLessonFigure", { description: "How many active students completed one lesson: where students stop." })
export class CourseLessonFigureView {
  @Field(() => ID, { description: "The lesson." })
  lessonId!: string;
  @Field(() => ID, { description: "Its module." })
  moduleId!: string;
  @Field(() => String, { description: "Its title." })
  title!: string;
  @Field(() => Int, { description: "Active students who completed it." })
  completedCount!: number;
  @Field(() => Int, { description: "That share of the active students, in whole percent." })
  completionPercent!: number;
}

@ObjectType("CourseFigures", { description: "A course's figures for staff." })
export class CourseFiguresView {
  @Field(() => Int, { description: "Students enrolled now (active)." })
  enrolled!: number;
  @Field(() => Int, { description: "Active students who opened at least one lesson." })
  started!: number;
  @Field(() => Int, { description: "Active students who completed the course." })
  completed!: number;
  @Field(() => Float, { description: "Average progress of active students, in percent." })
  averageProgressPercent!: number;
  @Field(() => [CourseLessonFigureView], { description: "Completion per lesson, in course order." })
  lessons!: CourseLessonFigureView[];
}

@ObjectType("CourseSummary", { description: "The contact's courses at a glance, for the dashboard card." })
export class CourseSummaryView {
  @Field(() => Boolean, { description: "Whether the contact is enrolled in any published course (hide the card when false)." })
  hasCourses!: boolean;
  @Field(() => Int, { description: "Published courses they are enrolled in." })
  courseCount!: number;
  @Field(() => Int, { description: "Of those, the courses they completed." })
  completedCount!: number;
  @Field(() => Int, { description: "Overall progress: completed lessons ÷ lessons across those courses, in whole percent." })
  progressPercent!: number;
  @Field(() => ID, { nullable: true, description: "The course to continue: the one with the most recent activity not yet completed." })
  resumeCourseId!: string | null;
}
