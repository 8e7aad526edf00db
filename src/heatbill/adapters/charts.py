"""Charts as PNG files (matplotlib, without a display): the demo year's arrears."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from heatbill.domain.money import Money


def arrears_chart(
    series: Sequence[tuple[date, Money]], path: Path, *, title: str, ylabel: str
) -> Path:
    """A line of the overdue amount (kroner) day by day, saved as PNG at `path`."""
    import matplotlib  # noqa: PLC0415 - a heavy import, only for the demo

    matplotlib.use("Agg")
    from matplotlib import dates, pyplot  # noqa: PLC0415

    figure, axes = pyplot.subplots(figsize=(10, 4.5), dpi=100)
    days = [float(dates.date2num(d)) for d, _ in series]  # type: ignore[no-untyped-call]
    kroner = [m.ore // 100 for _, m in series]  # whole kroner: a chart, not an amount to book
    axes.fill_between(days, kroner, step="post", alpha=0.3, color="#b03a2e")
    axes.plot(days, kroner, drawstyle="steps-post", color="#b03a2e", linewidth=1.2)
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.yaxis.set_major_formatter(
        matplotlib.ticker.FuncFormatter(lambda value, _: f"{int(value):,}".replace(",", "."))
    )
    axes.xaxis.set_major_formatter(dates.DateFormatter("%d-%m-%Y"))  # type: ignore[no-untyped-call]
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    pyplot.close(figure)
    return path
