"""Model files without the model: paths, manifests, checksums, versions and atomic writes.

Kept free of scikit-learn and numpy so that a parent process handing a model's path to
workers can check the file, and read its targets, without importing them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from pathlib import Path

from ._errors import ModelError, ModelIntegrityError, ModelVersionWarning, type_error

__all__ = ["sha256_file", "default_model_path", "read_manifest", "check_model", "library_versions",
           "atomic_write_bytes", "blas_kernels", "kernel_note", "previous_manifest"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("stancekit")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def library_versions() -> dict[str, str]:
    """Installed versions of stancekit, scikit-learn, numpy and scipy (from package metadata, so
    that nothing has to be imported to know them). scipy is there because its L-BFGS-B fits the
    logistic regressions: a model file records what it was fitted with."""
    from importlib.metadata import version
    return {"stancekit": _version(), "scikit-learn": version("scikit-learn"), "numpy": version("numpy"),
            "scipy": version("scipy")}


def blas_kernels() -> list[str]:
    """The BLAS libraries this process has loaded and the kernels each chose for this CPU, e.g.
    ``["openblas 0.3.30 Haswell", "openblas 0.3.31.188.0 Haswell"]`` (numpy's and scipy's).

    A fit is the same bytes only under the same kernels: OpenBLAS picks its dot-product and
    matrix kernels by CPU at load time, and their sums round differently (an Intel AVX-512
    machine gets ``SkylakeX``, AMD's Zen and most others ``Haswell``). Training records this in each manifest; loading
    does not check it, since the predictions of one model file do not depend on it. Call it after
    the fit, when numpy's and scipy's libraries are both loaded.
    """
    from threadpoolctl import threadpool_info

    return sorted({f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')}"
                   for i in threadpool_info() if i.get("user_api") == "blas"})


def kernel_note(before: dict[str, object] | None, after: dict[str, object]) -> str | None:
    """A note for a rebuild whose BLAS kernels differ from those that wrote the file it replaces.

    ``before`` and ``after`` are the old and new manifests (``before`` None when there was no
    file, or a manifest that did not record kernels). None when the kernels agree: the note is for
    the reader who rebuilds a shipped model and gets other bytes.
    """
    old = [str(k) for k in (before or {}).get("blas") or ()]  # type: ignore[union-attr]
    new = [str(k) for k in after.get("blas") or ()]  # type: ignore[union-attr]
    if not old or not new or old == new:
        return None
    arch = {k.rsplit(" ", 1)[-1] for k in old}
    hint = f" (for its bytes, run the command with OPENBLAS_CORETYPE={arch.pop()})" if len(arch) == 1 else ""
    return (f"note: the file replaced was fitted under BLAS kernels {', '.join(old)}; this run used "
            f"{', '.join(new)}: the same data and code give other bytes under other kernels{hint}")


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".manifest.json")


def write_npz(f, arrays: dict) -> None:
    """Write ``arrays`` (name -> numpy array) to the open binary file ``f`` as an ``.npz`` zip with
    the same bytes for the same arrays: members in name order, a fixed timestamp and mode, no pickle."""
    import io
    import zipfile

    import numpy as np

    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, buf.getvalue())


def atomic_write_bytes(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def default_model_path() -> Path:
    """The shipped model: ``$STANCEKIT_MODEL``, else inside the installed package, else ``models/`` of a source tree."""
    env = os.environ.get("STANCEKIT_MODEL")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for cand in (here / "_shipped_models" / "stancekit-default.joblib",
                 here.parent / "models" / "stancekit-default.joblib"):
        if cand.is_file():
            return cand
    return here.parent / "models" / "stancekit-default.joblib"


def read_manifest(path: str | Path) -> dict[str, object]:
    path = Path(path)
    mpath = _manifest_path(path)
    try:
        return json.loads(mpath.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{mpath}: manifest not found; a model is only loaded with its manifest "
                         "(written by `stancekit train`)") from None
    except json.JSONDecodeError as e:
        raise ModelError(f"{mpath}:{e.lineno}: manifest is not valid JSON ({e.msg})") from None


def previous_manifest(path: str | Path) -> dict[str, object] | None:
    """The manifest of the model file a rebuild is about to replace (for :func:`kernel_note`),
    None when there is none to read."""
    try:
        return read_manifest(path)
    except ModelError:
        return None


def check_model(path: str | Path | None = None, *, strict: bool = False) -> tuple[Path, dict[str, object]]:
    """Every check :func:`load_model` makes before unpickling; the model's path and manifest.

    A parent process that hands the model's path to workers checks it with this, and reads
    the targets from the manifest, without paying for unpickling a model it will not use.
    """
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise type_error("path", path, "a path or None")
    path = Path(path) if path is not None else default_model_path()
    if not path.is_file():
        raise ModelError(f"{path}: model file not found")
    manifest = read_manifest(path)
    digest = sha256_file(path)
    if manifest.get("sha256") != digest:
        raise ModelIntegrityError(
            f"{path}: sha256 {digest} does not match the manifest's {manifest.get('sha256')}; "
            "the file was changed or corrupted, and is refused unread"
        )
    want = manifest.get("versions", {})
    have = library_versions()
    # only the libraries the manifest records: a file written before scipy was recorded loads quietly
    diff = {k: (want[k], v) for k, v in have.items()
            if k in want and want[k] != v and not (k == "stancekit" and v == "0+unknown")}
    if diff:
        msg = f"{path}: trained with " + ", ".join(f"{k} {a}" for k, (a, _b) in diff.items()) + \
              "; running " + ", ".join(f"{k} {b}" for k, (_a, b) in diff.items())
        if strict:
            raise ModelError(msg + " (strict=True)")
        warnings.warn(msg + "; predictions may differ", ModelVersionWarning, stacklevel=3)
    return path, manifest
