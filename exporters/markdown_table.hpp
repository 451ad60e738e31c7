#pragma once
// Markdown (GitHub/GitLab flavour) building blocks: cell escaping and pipe tables.
#include <string>
#include <string_view>
#include <vector>

namespace nd {

// One table cell or inline text: markup characters escaped, `|` as `\|`, line breaks as spaces,
// HTML brackets as entities, empty as an em dash.
std::string md_escape(std::string_view text);

class MarkdownTable {
public:
    explicit MarkdownTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}
    // Cells are raw text; they are escaped here. Missing cells are left empty.
    void add_row(const std::vector<std::string>& cells);
    bool empty() const { return rows_.empty(); }
    std::string render() const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace nd
