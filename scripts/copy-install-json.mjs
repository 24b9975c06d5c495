// Puts install.json (how the extension was installed: by pip, as jupyterlab_model_monitor) into the
// built labextension, which the wheel maps to share/jupyter/labextensions/ as one folder. One folder,
// one mapping: a second mapping of install.json collided with a copy left in the folder by
// `pip install -e` through `jupyter labextension develop`'s symlink.
import { copyFileSync } from 'fs';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
copyFileSync(
  join(root, 'install.json'),
  join(root, 'jupyterlab_model_monitor', 'labextension', 'install.json')
);
