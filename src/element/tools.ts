/**
 * The assistant's tools (issue 13): what the assistant costs after the aid, the follow-up of a signed contract,
 * its calendar. A chunk of its own in the widget build, requested when the doctor opens one of them from the
 * answer (or when a shared link holds a follow-up). It brings the engine's cost functions and their table
 * (rules/tables/costs.json, French and English), and needs the sources' titles, which come with the detail.
 */
export { ToolsController, type ToolsHost } from './controllers/tools.js';
export { toolStyles } from './templates/tools.styles.js';
