#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <set>
#include <vector>

namespace Pult::MailParse {

namespace {

// Nodes deeper than this are dropped: the walks below are recursive.
constexpr int MaxDepth = 200;

struct DocDeleter
{
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};
using Doc = std::unique_ptr<xmlDoc, DocDeleter>;

void quietErrors(void *, const char *, ...) {}

Doc parse(std::string_view html)
{
    if (html.empty() || html.size() > size_t(INT32_MAX))
        return nullptr;
    xmlSetGenericErrorFunc(nullptr, quietErrors);
    return Doc(htmlReadMemory(html.data(), int(html.size()), nullptr, "UTF-8",
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC));
}

std::string lower(const char *s)
{
    std::string out = s ? s : "";
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string nameOf(const xmlNode *node)
{
    return lower(reinterpret_cast<const char *>(node->name));
}

const std::set<std::string> &droppedElements()
{
    static const std::set<std::string> names = {
        "script", "style",  "iframe", "frame",    "frameset", "object",   "embed",
        "applet", "link",   "meta",   "base",     "noscript", "template", "svg",
        "math",   "form",   "input",  "button",   "textarea", "select",   "option",
        "title",  "head",   "audio",  "video",    "source",   "track",    "canvas",
        "dialog", "portal", "xml",    "basefont", "bgsound",  "layer",    "ilayer"};
    return names;
}

// Scheme of a URL as a browser sees it: control characters and white space ignored, lowercase.
std::string normalizedUrl(const char *value)
{
    std::string out;
    for (const char *p = value; p && *p; ++p) {
        const auto u = static_cast<unsigned char>(*p);
        if (u <= 0x20 || u == 0x7F)
            continue;
        out.push_back(char(std::tolower(u)));
    }
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool isDangerousUrl(const std::string &url)
{
    return startsWith(url, "javascript:") || startsWith(url, "vbscript:") ||
           startsWith(url, "livescript:") || startsWith(url, "mocha:") ||
           (startsWith(url, "data:") && !startsWith(url, "data:image/"));
}

bool isLocalImage(const std::string &url)
{
    return startsWith(url, "cid:") ||
           (startsWith(url, "data:image/") && !startsWith(url, "data:image/svg"));
}

void cleanAttributes(xmlNode *element)
{
    std::vector<std::pair<std::string, std::string>> moved; // data-pult-* to add
    for (xmlAttr *attr = element->properties; attr;) {
        xmlAttr *next = attr->next;
        const std::string name = lower(reinterpret_cast<const char *>(attr->name));
        xmlChar *rawValue = xmlNodeGetContent(reinterpret_cast<xmlNode *>(attr));
        const std::string value = rawValue ? reinterpret_cast<const char *>(rawValue) : "";
        xmlFree(rawValue);
        const std::string url = normalizedUrl(value.c_str());
        bool remove = false;
        if (startsWith(name, "on") || name == "srcdoc" || name == "formaction" ||
            name == "action" || name == "dynsrc" || name == "lowsrc" || name == "ping" ||
            name == "xmlns" || startsWith(name, "xmlns:") || startsWith(name, "xlink:") ||
            startsWith(name, "data-pult-")) {
            remove = true;
        } else if (name == "style") {
            const std::string style = normalizedUrl(value.c_str());
            remove = style.find("url(") != std::string::npos ||
                     style.find("expression") != std::string::npos ||
                     style.find("javascript") != std::string::npos ||
                     style.find("behavior") != std::string::npos ||
                     style.find("@import") != std::string::npos ||
                     style.find('\\') != std::string::npos;
        } else if (name == "src" || name == "background" || name == "poster") {
            if (isDangerousUrl(url)) {
                remove = true;
            } else if (!isLocalImage(url)) {
                moved.emplace_back("data-pult-" + name, value);
                remove = true;
            }
        } else if (name == "srcset") {
            moved.emplace_back("data-pult-srcset", value);
            remove = true;
        } else if (name == "href" || name == "cite" || name == "longdesc" || name == "usemap" ||
                   name == "data" || name == "codebase") {
            remove = isDangerousUrl(url);
        }
        if (remove)
            xmlRemoveProp(attr);
        attr = next;
    }
    for (const auto &[name, value] : moved) {
        xmlSetProp(element, reinterpret_cast<const xmlChar *>(name.c_str()),
                   reinterpret_cast<const xmlChar *>(value.c_str()));
    }
}

void clean(xmlNode *parent, int depth)
{
    for (xmlNode *child = parent->children; child;) {
        xmlNode *next = child->next;
        bool drop = false;
        switch (child->type) {
        case XML_ELEMENT_NODE:
            drop = depth > MaxDepth || droppedElements().count(nameOf(child)) > 0;
            if (!drop) {
                cleanAttributes(child);
                clean(child, depth + 1);
            }
            break;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_ENTITY_REF_NODE:
            break;
        default:
            drop = true; // comments (conditional comments), processing instructions, DTDs
            break;
        }
        if (drop) {
            xmlUnlinkNode(child);
            xmlFreeNode(child);
        }
        child = next;
    }
}

xmlNode *findElement(xmlNode *node, const char *name, int depth)
{
    for (xmlNode *child = node ? node->children : nullptr; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (nameOf(child) == name)
            return child;
        if (depth < 3) {
            if (xmlNode *found = findElement(child, name, depth + 1))
                return found;
        }
    }
    return nullptr;
}

// Quoted history (see sanitizeHtml() in html.h).

constexpr std::string_view QuoteMarker = "<!--pult-quote-->";

std::string attribute(const xmlNode *element, const char *name)
{
    xmlChar *value = xmlGetProp(element, reinterpret_cast<const xmlChar *>(name));
    std::string out = value ? reinterpret_cast<const char *>(value) : "";
    xmlFree(value);
    return out;
}

bool hasClass(const xmlNode *element, const std::set<std::string_view> &names)
{
    const std::string classes = attribute(element, "class");
    size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && std::isspace(static_cast<unsigned char>(classes[i])))
            ++i;
        size_t end = i;
        while (end < classes.size() && !std::isspace(static_cast<unsigned char>(classes[end])))
            ++end;
        if (end > i && names.count(std::string_view(classes).substr(i, end - i)) > 0)
            return true;
        i = end;
    }
    return false;
}

enum class QuoteKind {
    None,
    Quote,   // quoted history, if nothing the sender wrote follows it
    Outlook, // Outlook's reply header: everything after it is the earlier mail
};

// A wrapper a quote may sit in and still be a quote of the whole mail (not one inside a list,
// a table cell or a paragraph).
bool isWrapper(const xmlNode *node)
{
    static const std::set<std::string> names = {"div",    "section", "article", "main",
                                                "center", "font",    "span"};
    return names.count(nameOf(node)) > 0;
}

QuoteKind quoteKind(const xmlNode *element, const xmlNode *container)
{
    if (element->type != XML_ELEMENT_NODE)
        return QuoteKind::None;
    const std::string id = attribute(element, "id");
    if (id == "divRplyFwdMsg" || id == "appendonsend")
        return QuoteKind::Outlook;
    static const std::set<std::string_view> classes = {"gmail_quote", "moz-cite-prefix",
                                                       "yahoo_quoted", "protonmail_quote"};
    if (hasClass(element, classes))
        return QuoteKind::Quote;
    if (nameOf(element) != "blockquote")
        return QuoteKind::None;
    if (lower(attribute(element, "type").c_str()) == "cite")
        return QuoteKind::Quote;
    // A plain <blockquote> only at the top, or in wrappers there.
    for (const xmlNode *up = element->parent; up && up != container; up = up->parent) {
        if (!isWrapper(up))
            return QuoteKind::None;
    }
    return QuoteKind::Quote;
}

// Whether the element is part of some quote: any of the above, or any blockquote.
bool isQuoteElement(const xmlNode *element, const xmlNode *container)
{
    return quoteKind(element, container) != QuoteKind::None || nameOf(element) == "blockquote";
}

// Non-white-space text: ASCII white space, U+00A0, U+200B and U+FEFF do not count.
bool hasVisibleText(const xmlChar *content)
{
    const std::string_view s = content ? reinterpret_cast<const char *>(content) : "";
    for (size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f')
            continue;
        if (s.substr(i, 2) == "\xC2\xA0") {
            i += 1;
            continue;
        }
        if (s.substr(i, 3) == "\xE2\x80\x8B" || s.substr(i, 3) == "\xEF\xBB\xBF") {
            i += 2;
            continue;
        }
        return true;
    }
    return false;
}

bool isText(const xmlNode *node)
{
    return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE ||
           node->type == XML_ENTITY_REF_NODE;
}

// The first quote start in document order, with its kind.
std::pair<xmlNode *, QuoteKind> firstQuote(xmlNode *parent, const xmlNode *container, int depth)
{
    for (xmlNode *child = parent->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || depth > MaxDepth)
            continue;
        if (const QuoteKind kind = quoteKind(child, container); kind != QuoteKind::None)
            return {child, kind};
        if (auto found = firstQuote(child, container, depth + 1); found.first)
            return found;
    }
    return {nullptr, QuoteKind::None};
}

// Whether the subtree has text (or an image) the reader would see, quotes left out when asked.
bool hasContent(const xmlNode *node, const xmlNode *container, bool skipQuotes, int depth)
{
    if (isText(node))
        return node->type == XML_ENTITY_REF_NODE || hasVisibleText(node->content);
    if (node->type != XML_ELEMENT_NODE || depth > MaxDepth)
        return false;
    if (skipQuotes && isQuoteElement(node, container))
        return false;
    if (nameOf(node) == "img")
        return true;
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (hasContent(child, container, skipQuotes, depth + 1))
            return true;
    }
    return false;
}

// Whether anything but quotes follows the subtree of `node` up to the end of `container`.
bool contentFollows(const xmlNode *node, const xmlNode *container)
{
    for (const xmlNode *at = node; at && at != container; at = at->parent) {
        for (const xmlNode *next = at->next; next; next = next->next) {
            if (hasContent(next, container, true, 0))
                return true;
        }
    }
    return false;
}

// Whether anything the reader would see comes before `node` in document order.
bool contentPrecedes(const xmlNode *node, const xmlNode *container)
{
    for (const xmlNode *at = node; at && at != container; at = at->parent) {
        for (const xmlNode *prev = at->prev; prev; prev = prev->prev) {
            if (hasContent(prev, container, false, 0))
                return true;
        }
    }
    return false;
}

// Where the quoted earlier mail starts in the cleaned `container`, or nullptr: the node from
// which on everything is the quote.
xmlNode *quoteStart(xmlNode *container)
{
    auto [start, kind] = firstQuote(container, container, 0);
    if (!start)
        return nullptr;
    if (kind == QuoteKind::Outlook) {
        // The <hr> Outlook puts before its "From: ... Sent: ..." header belongs to the quote.
        if (attribute(start, "id") == "divRplyFwdMsg") {
            xmlNode *prev = start->prev;
            while (prev && isText(prev) && prev->type != XML_ENTITY_REF_NODE &&
                   !hasVisibleText(prev->content))
                prev = prev->prev;
            if (prev && prev->type == XML_ELEMENT_NODE && nameOf(prev) == "hr")
                start = prev;
        }
    } else if (contentFollows(start, container)) {
        return nullptr; // an answer written between the quotes: nothing is folded
    }
    return contentPrecedes(start, container) ? start : nullptr;
}

// Moves `start` and all that follows it out of its ancestors: each ancestor below `container`
// keeps what came before, and a shallow copy of it (without its id) after it takes the rest.
// Returns the top-level node the quote begins with.
xmlNode *splitBefore(xmlNode *start, xmlNode *container)
{
    xmlNode *node = start;
    for (xmlNode *parent = start->parent; parent && parent != container; parent = parent->parent) {
        xmlNode *copy = xmlDocCopyNode(parent, parent->doc, 2); // attributes, no children
        if (!copy)
            return nullptr;
        if (xmlAttr *id = xmlHasProp(copy, reinterpret_cast<const xmlChar *>("id")))
            xmlRemoveProp(id);
        for (xmlNode *moved = node; moved;) {
            xmlNode *next = moved->next;
            xmlUnlinkNode(moved);
            xmlAddChild(copy, moved);
            moved = next;
        }
        xmlAddNextSibling(parent, copy);
        node = copy;
    }
    return node;
}

std::string serialize(xmlDoc *doc, xmlNode *from, xmlNode *to)
{
    xmlOutputBuffer *out = xmlAllocOutputBuffer(nullptr);
    if (!out)
        return {};
    for (xmlNode *child = from; child && child != to; child = child->next)
        htmlNodeDumpFormatOutput(out, doc, child, nullptr, 0);
    xmlOutputBufferFlush(out);
    std::string result;
    if (const xmlChar *content = xmlOutputBufferGetContent(out))
        result.assign(reinterpret_cast<const char *>(content), xmlOutputBufferGetSize(out));
    xmlOutputBufferClose(out);
    // Comments are dropped, so the marker cannot be in the output; should libxml2 ever write
    // one out of raw text, it is defused here anyway.
    for (size_t at = result.find(QuoteMarker); at != std::string::npos;
         at = result.find(QuoteMarker, at))
        result.replace(at, 1, "&lt;");
    return result;
}

const std::set<std::string> &blockElements()
{
    static const std::set<std::string> names = {
        "address",  "article",    "aside",  "blockquote", "center", "dd",  "div", "dl",     "dt",
        "fieldset", "figcaption", "figure", "footer",     "h1",     "h2",  "h3",  "h4",     "h5",
        "h6",       "header",     "hr",     "li",         "main",   "nav", "ol",  "p",      "pre",
        "section",  "table",      "tbody",  "thead",      "tfoot",  "tr",  "ul",  "caption"};
    return names;
}

class TextBuilder
{
public:
    void walk(xmlNode *parent, int depth)
    {
        for (xmlNode *node = parent->children; node; node = node->next) {
            if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
                text(reinterpret_cast<const char *>(node->content));
                continue;
            }
            if (node->type != XML_ELEMENT_NODE || depth > MaxDepth)
                continue;
            const std::string name = nameOf(node);
            if (name == "script" || name == "style" || name == "head" || name == "title" ||
                name == "template" || name == "noscript")
                continue;
            if (name == "br") {
                newlines(1, true);
                continue;
            }
            const bool block = blockElements().count(name) > 0;
            const bool paragraph =
                name == "p" ||
                (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') ||
                name == "blockquote" || name == "table" || name == "pre";
            if (block)
                newlines(paragraph ? 2 : 1, false);
            if (name == "li")
                m_prefix = "- ";
            if ((name == "td" || name == "th") && !m_out.empty() && m_out.back() != '\n')
                m_space = true;
            if (name == "pre")
                ++m_pre;
            walk(node, depth + 1);
            if (name == "pre")
                --m_pre;
            if (block)
                newlines(paragraph ? 2 : 1, false);
        }
    }

    std::string result()
    {
        // Trailing white space of each line, and of the text, goes.
        std::string out;
        size_t lineStart = 0;
        for (size_t i = 0; i <= m_out.size(); ++i) {
            if (i == m_out.size() || m_out[i] == '\n') {
                std::string_view line = std::string_view(m_out).substr(lineStart, i - lineStart);
                while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
                    line.remove_suffix(1);
                out.append(line);
                if (i < m_out.size())
                    out.push_back('\n');
                lineStart = i + 1;
            }
        }
        while (!out.empty() && out.back() == '\n')
            out.pop_back();
        return out;
    }

private:
    void newlines(int count, bool hard)
    {
        if (hard) {
            m_out.push_back('\n');
            m_pendingNewlines = 0;
            m_space = false;
            return;
        }
        m_pendingNewlines = std::max(m_pendingNewlines, count);
        m_space = false;
    }

    void emit(std::string_view s)
    {
        if (m_pendingNewlines > 0 && !m_out.empty()) {
            int have = 0;
            for (auto it = m_out.rbegin(); it != m_out.rend() && *it == '\n'; ++it)
                ++have;
            for (int i = have; i < m_pendingNewlines; ++i)
                m_out.push_back('\n');
            m_space = false;
        }
        m_pendingNewlines = 0;
        if (!m_prefix.empty()) {
            m_out += m_prefix;
            m_prefix.clear();
            m_space = false;
        }
        if (m_space && !m_out.empty() && m_out.back() != '\n' && m_out.back() != ' ')
            m_out.push_back(' ');
        m_space = false;
        m_out.append(s);
    }

    void text(const char *content)
    {
        if (!content)
            return;
        std::string_view s(content);
        if (m_pre > 0) {
            std::string normalized;
            for (size_t i = 0; i < s.size(); ++i) {
                if (s[i] == '\r')
                    continue;
                normalized.push_back(s[i]);
            }
            if (!normalized.empty())
                emit(normalized);
            return;
        }
        std::string word;
        for (size_t i = 0; i <= s.size(); ++i) {
            bool space = i == s.size() || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                         s[i] == '\r' || s[i] == '\f';
            // U+00A0 (no-break space) counts as a space too.
            if (!space && i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
                static_cast<unsigned char>(s[i + 1]) == 0xA0) {
                space = true;
                ++i;
            }
            if (space) {
                if (!word.empty()) {
                    emit(word);
                    word.clear();
                }
                if (i < s.size())
                    m_space = true;
            } else {
                word.push_back(s[i]);
            }
        }
    }

    std::string m_out;
    std::string m_prefix;
    int m_pendingNewlines = 0;
    bool m_space = false;
    int m_pre = 0;
};

} // namespace

std::string sanitizeHtml(std::string_view utf8Html)
{
    Doc doc = parse(utf8Html);
    if (!doc)
        return {};
    xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!root)
        return {};
    xmlNode *body = findElement(root, "body", 0);
    xmlNode *container = body ? body : root;
    clean(container, 0);
    xmlNode *quote = nullptr;
    if (xmlNode *start = quoteStart(container))
        quote = splitBefore(start, container);
    std::string result = serialize(doc.get(), container->children, quote);
    if (quote) {
        result += QuoteMarker;
        result += serialize(doc.get(), quote, nullptr);
    }
    return result;
}

std::string htmlToText(std::string_view utf8Html)
{
    Doc doc = parse(utf8Html);
    if (!doc)
        return {};
    xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!root)
        return {};
    TextBuilder builder;
    xmlNode *body = findElement(root, "body", 0);
    builder.walk(body ? body : root, 0);
    return builder.result();
}

std::string declaredHtmlCharset(std::string_view html)
{
    // <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
    // looked for in the first 4 KiB the way browsers prescan.
    std::string head(html.substr(0, 4096));
    for (char &c : head)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        const size_t end = head.find('>', pos);
        const std::string tag = head.substr(pos, end == std::string::npos ? end : end - pos);
        const size_t cs = tag.find("charset");
        if (cs != std::string::npos) {
            size_t i = cs + 7;
            while (i < tag.size() &&
                   (tag[i] == ' ' || tag[i] == '=' || tag[i] == '"' || tag[i] == '\''))
                ++i;
            std::string charset;
            while (i < tag.size() &&
                   (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-' ||
                    tag[i] == '_' || tag[i] == ':' || tag[i] == '.'))
                charset.push_back(tag[i++]);
            if (!charset.empty())
                return charset;
        }
        pos += 5;
    }
    return {};
}

} // namespace Pult::MailParse
