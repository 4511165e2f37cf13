// Public surface of the matters module: other modules import only from here.
export type { MattersDeps } from "./use-cases/deps.ts";
export {
  matters,
  matterOwners,
  matterAgencies,
  matterRefusals,
  matterRefusalDecisions,
  matterMembers,
  matterEvents,
  matterReferenceCounters,
} from "./tables.ts";
export type { MatterState, MatterVisibility, MatterRoute, RefusalLevel, RefusalState } from "./tables.ts";
export { triage, creatorAgency, type Triage, type TriageInput, type TriageRoute } from "./triage.ts";
export { can as canOnMatter, hasNetworkRole, isCoordinatingPo, type MatterAccess } from "./policy.ts";
export { createMatter } from "./use-cases/create-matter.ts";
export { listMatters } from "./use-cases/list-matters.ts";
export { getMatter } from "./use-cases/get-matter.ts";
export { setOwners } from "./use-cases/set-owners.ts";
export { fileRefusal } from "./use-cases/file-refusal.ts";
export { decideRefusal } from "./use-cases/decide-refusal.ts";
export { contestRefusal } from "./use-cases/contest-refusal.ts";
export { addMember } from "./use-cases/add-member.ts";
export { removeMember } from "./use-cases/remove-member.ts";
export { closeMatter } from "./use-cases/close-matter.ts";
export { reopenMatter } from "./use-cases/reopen-matter.ts";
export { matterRoutes } from "./routes.ts";
export { matterFeeds } from "./feeds.ts";
