"""``voc-app --smoke DIR [--smoke-import FILE]``: the built app checks itself headless — open
the sample project in the window, import a file into a new project, analyse it, show its topics,
export Excel — and prints one JSON line per step and a summary (``bench/smoke_bundle.sh``)."""

from __future__ import annotations

import json
import os
import time
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication


def _t0() -> float:
    """Launch time: given by the caller (``VOC_LAUNCH_T0``, seconds since the epoch), or this
    process's start."""
    env = os.environ.get("VOC_LAUNCH_T0")
    if env:
        return float(env)
    try:
        ticks = int(open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19])
        boot = next(float(line.split()[1]) for line in open("/proc/stat") if line.startswith("btime"))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time()


def run(app: QApplication, out: Path, import_file: Path | None, *, window: type, wait_idle) -> int:
    """``window``: the main window class and ``wait_idle`` its helper, passed by ``voc_app.gui.app``
    (which starts this; importing it back would make a cycle)."""
    MainWindow = window  # noqa: N806 - a class

    t0 = _t0()
    out.mkdir(parents=True, exist_ok=True)
    results: list[dict] = []

    def step(name: str, fn) -> object:
        start = time.time()
        try:
            detail = fn()
            ok = True
        except Exception as e:  # noqa: BLE001 - reported as a failed step
            detail, ok = f"{type(e).__name__}: {e}\n{traceback.format_exc()}", False
        r = {"step": name, "ok": ok, "seconds": round(time.time() - start, 2), "detail": detail}
        results.append(r)
        print(json.dumps(r, ensure_ascii=False, default=str), flush=True)
        return detail if ok else None

    def sample():
        from voc_app.sample import build_sample_project

        return str(build_sample_project(out / "sample.voc"))

    sample_path = step("sample project", sample)
    windows = []

    def first_window():
        win = MainWindow(Path(sample_path))
        win.show()
        app.processEvents()
        shown = time.time() - t0
        wait_idle(win, app)
        win.grab().save(str(out / "sample_overview.png"))
        windows.append(win)
        return {"first_window_s": round(shown, 2), "overview_loaded_s": round(time.time() - t0, 2)}

    if sample_path:
        step("first window", first_window)
    project = out / "smoke.voc"
    for suffix in ("", "-wal", "-shm"):
        Path(str(project) + suffix).unlink(missing_ok=True)

    def do_import():
        from voc_app.importing import import_file as imp
        from voc_app.project import create_project

        with create_project(project) as p:
            rep = imp(p, import_file)
            return {"file": import_file.name, "verbatims": rep.counts.get("verbatims", 0), "batch": rep.batch_id}

    def analyse():
        # as the app runs it on a big project: a background job in its own process (spawned by
        # the frozen executable itself), reporting progress to this UI thread
        from voc_app.gui.jobs import Job
        from voc_app.overview import analysed_counts
        from voc_app.project import open_project
        from voc_app.workflow import analyze_all

        job = Job("analyse", project, analyze_all, process=True)
        failed: list[str] = []
        job.when("failed", failed.append).when("cancelled", lambda: failed.append("cancelled"))
        job.start()
        deadline = time.time() + 600
        while not job.finished and time.time() < deadline:
            app.processEvents()
            time.sleep(0.02)
        if failed or not job.finished:
            raise RuntimeError(f"analysis job: {failed or 'did not finish in 600 s'}")
        res = job.result
        with open_project(project) as p:
            n, topics = analysed_counts(p)
        if not n or not topics:
            raise RuntimeError(f"analyses {n}, topics {topics}")
        return {"analysed": n, "topics": topics, "result": str(res)[:80]}

    def show_topics():
        win = MainWindow(project)
        win.show()
        win.tabs.setCurrentWidget(win.topics)
        wait_idle(win, app)
        rows = {s: win.topics.models[s].rowCount() for s in ("delight", "pain")}
        win.grab().save(str(out / "smoke_topics.png"))
        windows.append(win)
        if not any(rows.values()):
            raise RuntimeError("no topic shown")
        return rows

    def export():
        from openpyxl import load_workbook

        from voc_app.export.excel import export as xl
        from voc_app.project import open_project

        with open_project(project) as p:
            res = xl(p, out / "smoke.xlsx")
        wb = load_workbook(out / "smoke.xlsx", read_only=True)
        if "発言一覧" not in wb.sheetnames or res.verbatims == 0:
            raise RuntimeError(f"sheets {wb.sheetnames}")
        return {"sheets": wb.sheetnames, "verbatims": res.verbatims}

    def cue_prefilter():
        # the compiled prefilter (hyperscan) must travel with the bundle where it has wheels,
        # and find exactly what re alone finds in the imported verbatims
        from voc_app.analysis import cue_prefilter_check
        from voc_app.project import open_project

        with open_project(project) as p:
            return cue_prefilter_check(p, 2000)

    if import_file is None:  # the bundled sample survey
        from base.resources import resource_path

        import_file = next(iter(sorted(resource_path("sample").glob("*.csv"))), None)
    if import_file is not None:
        if step("import", do_import):
            if step("analyse", analyse):
                step("compiled cue search", cue_prefilter)
                step("topics shown", show_topics)
                step("export Excel", export)
    else:
        results.append({"step": "import", "ok": False, "detail": "no file to import"})
    for w in windows:
        w.close()
        w.deleteLater()
    app.processEvents()
    passed = sum(r["ok"] for r in results)
    print(json.dumps({"summary": f"{passed}/{len(results)} steps passed", "total_s": round(time.time() - t0, 1)},
                     ensure_ascii=False), flush=True)
    return 0 if passed == len(results) else 1
