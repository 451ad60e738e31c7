#pragma once
// The Markdown and HTML layouts are mustache templates (kainjow): built in, or the user's own files
// from a directory (`export --templates DIR`): DIR/dossier.html.mustache, DIR/section.md.mustache.
// A file missing there falls back to the built-in one; a broken one is an error naming the file.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "exporters/dossier_view.hpp"

namespace nd {

class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class TemplateEscape { kHtml, kMarkdown };

inline constexpr std::string_view kHtmlTemplate = "dossier.html.mustache";
inline constexpr std::string_view kMarkdownTemplate = "section.md.mustache";

std::string_view builtin_template(std::string_view name);  // "" for an unknown name

// The template text: DIR/name when dir is set and the file exists, else the built-in one.
// Throws TemplateError when the directory is missing or the file unreadable.
struct TemplateSource {
    std::string name;  // the file it came from, or "built-in <name>"
    std::string text;
};
TemplateSource load_template(const std::optional<std::filesystem::path>& dir, std::string_view name);

// Renders a view (all its sections, or only `only` when set) through a template. Throws
// TemplateError "<name>: <what is wrong>" for a template that does not parse.
std::string render_view(const TemplateSource& source, const DossierView& view, TemplateEscape escape,
                        const ViewSection* only = nullptr);

// HTML text escaping (also quotes, control characters, invalid UTF-8), for templates and tests.
std::string html_escape(std::string_view text);

}  // namespace nd
