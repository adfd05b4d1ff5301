export { DEFAULT_PRESENT_STATUSES, DEFAULT_SUPPLY_LINK_STATUSES, scopeMembers, statusTable } from './statuses.js';
