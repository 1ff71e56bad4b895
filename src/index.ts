// The worker entry: the app serving the index that `npm run build` compiled from the corpus,
// and the widget script it bundled from src/widget/.
import * as artefacts from "../dist/index/artefacts.js";
import { source as widget } from "../dist/widget/widget.js";
import { createApp } from "./app.js";

export default createApp({ artefacts, widget });
