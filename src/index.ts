// The worker entry: the app serving the index that `npm run build` compiled from the corpus.
import * as artefacts from "../dist/index/artefacts.js";
import { createApp } from "./app.js";

export default createApp({ artefacts });
