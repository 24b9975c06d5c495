"""Runs a SageMaker ``post_analytics_processor_script`` after a successful run (postprocessor.ts).

The script is used unchanged: its ``postprocess_handler()`` is called once, with no arguments, in
the environment of SageMaker's container contract (``output_path``, ``dataset_source``,
``baseline_statistics``, ``start_time`` …), so it finds the run's files where SageMaker's would.
"""

import importlib.util
import sys
from pathlib import Path


def main():
    script = Path(sys.argv[1]).resolve()
    sys.path.insert(0, str(script.parent))
    spec = importlib.util.spec_from_file_location("postprocessor", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    handler = getattr(module, "postprocess_handler", None)
    if not callable(handler):
        sys.exit(f"{script.name} defines no postprocess_handler function")
    handler()


if __name__ == "__main__":
    main()
