/**
 * Built-in chain templates: the segments of each industry from 上游 to 下游 and the flows
 * between them. A dataset's chain refers to one by `template` id.
 */
import type { ChainTemplate } from '../model/schema.js';

/** Every built-in chain template. */
export const chainTemplates: readonly ChainTemplate[] = [];
