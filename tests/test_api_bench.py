"""The API benchmark's own invariant, on the real bundled data: for every question it times, the API
runs exactly the named queries its raw side runs, and both answer. Timing is the benchmark's job."""

from __future__ import annotations

from neo4j import Driver

from bench import api_bench
from graph.settings import Settings
from loaders.pipeline import read_everything
from loaders.write import write_graph


def test_every_benchmarked_question_does_the_same_database_work_both_ways(
    neo4j: Driver, settings: Settings
) -> None:
    write_graph(
        neo4j, settings.neo4j_database, read_everything(settings.data_dir, settings.seeds_dir), force=True
    )
    # run() refuses a question whose API and raw sides run different named queries, and a failed
    # request on either side raises, so two timed runs of each prove both paths answer.
    results = api_bench.run(settings, runs=2, warmup=1)
    assert [q.name for q, _ in results] == [q.name for q in api_bench.questions()]
    for question, timings in results:
        assert len(timings.api) == len(timings.raw) == 2, question.name
