// Public surface of the goals module: self-set goals, case practice checklists with peer review, and
// each person's own contribution record. Nothing here ranks or scores people.
export {
  goals,
  goalNotes,
  caseChecklistItems,
  checklistReviewRequests,
  checklistReviews,
  goalStatuses,
  goalVisibilities,
  checklistItems,
  reviewVerdicts,
} from "./tables.ts";
export type { GoalStatus, GoalVisibility, ChecklistItem, ReviewVerdict } from "./tables.ts";
export type { GoalsDeps } from "./use-cases/deps.ts";
export { goalErrors } from "./errors.ts";
export { createGoal } from "./use-cases/create-goal.ts";
export { getGoal } from "./use-cases/get-goal.ts";
export { listGoals } from "./use-cases/list-goals.ts";
export { updateGoal } from "./use-cases/update-goal.ts";
export { addGoalNote } from "./use-cases/add-goal-note.ts";
export { getChecklist } from "./use-cases/get-checklist.ts";
export { setChecklistItem } from "./use-cases/set-checklist-item.ts";
export { requestChecklistReview } from "./use-cases/request-review.ts";
export { reviewChecklistItem } from "./use-cases/review-checklist-item.ts";
export { getContributions, contributionsCsv, type Contributions } from "./use-cases/get-contributions.ts";
export { isTeamMember } from "./policy.ts";
export { goalRoutes } from "./routes.ts";
