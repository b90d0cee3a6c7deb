/** Thrown when a finding has no account or Region and none was given: ASFF requires both. A module of its own, so the CLI can catch it without loading the renderer. */
export class AsffError extends Error {}
