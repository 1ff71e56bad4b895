// The entity tagger of indexes compiled inside workerd, which has no worker threads: the build's
// own tagging, on the test's thread.
import { InlineTagger } from "../../build/entities/extract.js";
import { mentionsOf } from "../../build/entities/tag.mjs";

export const inlineTagger = () => new InlineTagger(mentionsOf);
