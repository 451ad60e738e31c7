// The built-in Markdown layout: one page per section, for wikis (GitHub/GitLab flavour; the
// topology as a Mermaid diagram, which both render).
#include <string_view>

namespace nd {

std::string_view builtin_markdown_template() {
    return R"tpl({{#sections}}# {{site}} — {{title}}

- Generated: {{generated}}
- Scan: {{scan}}
{{#has_targets}}- Scanned: {{targets}}
{{/has_targets}}- Summary: {{summary}}
{{#topology}}

## Topology

{{nodes}} nodes, {{links}} links, from LLDP/CDP neighbour tables and switch MAC tables (dotted: inferred from a MAC table).

```mermaid
{{{mermaid}}}```
{{/topology}}
{{#tables}}

## {{title}} ({{count}})

{{#empty}}_None found._
{{/empty}}{{^empty}}|{{#headers}} {{.}} |{{/headers}}
|{{#headers}} --- |{{/headers}}
{{{rows_markdown}}}{{/empty}}{{/tables}}
{{#is_changes}}

## Since the previous scan

{{#no_changes}}_No changes._
{{/no_changes}}{{#changes}}- {{.}}
{{/changes}}{{/is_changes}}{{/sections}})tpl";
}

}  // namespace nd
