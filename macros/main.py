"""mkdocs-macros module: the macros of the hand-written pages, thin wrappers over odd17.site.render.

The content is validated once per build by the ``odd17`` plugin (listed before ``macros``);
each macro hands the validated Kit to a rendering function and returns its Markdown.
"""

from __future__ import annotations

from functools import partial

from odd17.publish import feed
from odd17.site import examples_index, model_selector, panorama, render, settings, tool_map, workbook

MACROS = {name: getattr(render, name) for name in (
    "typology_table", "models_details", "levers_list", "steps_list",
    "objectives_list", "impacts_list", "catalysis_table")} | {
    "examples_index": examples_index.examples_index, "tool_map": tool_map.tool_map} | {name: getattr(panorama, name) for name in (
    "chart_categories", "chart_models", "chart_partner_types", "region_map", "coverage_matrix")} | {
    "model_selector": model_selector.model_selector, "workbook": workbook.workbook}


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros' environment object
    kit = env.conf.plugins["odd17"].kit
    for name, function in MACROS.items():
        env.macro(partial(function, kit), name)
    env.macro(partial(settings.page_address, settings.site_url(env.conf)), "page_address")
    env.macro(partial(feed.examples_actions, settings.repo_url(env.conf),
                      settings.site_url(env.conf)), "examples_actions")
    env.macro(partial(settings.repository_sentence, settings.repo_url(env.conf)), "repository")
    env.macro(partial(settings.report_sentence, settings.repo_url(env.conf)), "report_problem")
