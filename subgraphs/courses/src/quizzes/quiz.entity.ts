import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { QuestionKindValue } from "../shared/enums.js";

export interface StoredOption {
  id: string;
  text: string;
}

/** A question of a quiz lesson. Its correct options are read by the scorer and staff only. */
@Entity({ tableName: "quiz_question" })
@TenantScoped()
export class QuizQuestionRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  lessonId!: string;
  @Property({ type: "integer" })
  position!: number;
  @Property({ type: "text" })
  prompt!: string;
  @Property({ type: "text" })
  kind!: QuestionKindValue;
  @Property({ type: "json" })
  options!: StoredOption[];
  @Property({ type: "json" })
  correctOptionIds!: string[];
}

export interface StoredAnswer {
  questionId: string;
  optionIds: string[];
  correct: boolean;
  /** The right options, kept with the attempt so later edits of the quiz do not rewrite history. */
  correctOptionIds: string[];
}

/** A submitted attempt at a quiz, scored by the server. */
@Entity({ tableName: "quiz_attempt" })
@TenantScoped()
export class QuizAttemptRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "uuid" })
  lessonId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "json" })
  answers!: StoredAnswer[];
  @Property({ type: "integer" })
  correctCount!: number;
  @Property({ type: "integer" })
  questionCount!: number;
  @Property({ type: "integer" })
  scorePercent!: number;
  @Property({ type: "boolean" })
  passed!: boolean;
  @Property({ type: "datetime", nullable: true })
  startedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  submittedAt: Date = new Date();
}
