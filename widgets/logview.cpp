#include "logview.h"

#include <QFontDatabase>
#include <QScrollBar>

namespace fathom {

LogView::LogView(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("logView"));
    setReadOnly(true);
    setMaximumBlockCount(5000);
    // Where a line holds Korean, Qt draws its leading time in the face it picks for Hangul: a
    // monospaced one with Hangul is named next so that the times still line up.
    auto font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setFamilies({font.family(), QStringLiteral("Noto Sans Mono CJK KR")});
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

void LogView::append(logging::Level level, const QString& time, const QString& text)
{
    QString color = QStringLiteral("palette(text)");
    if (level == logging::Level::Warn)
        color = QStringLiteral("#b35900");
    else if (level == logging::Level::Error)
        color = QStringLiteral("#c00000");
    else if (level == logging::Level::Debug || level == logging::Level::Trace)
        color = QStringLiteral("#777777");
    const bool atEnd = verticalScrollBar()->value() == verticalScrollBar()->maximum();
    appendHtml(QStringLiteral("<span style=\"color:%1\">%2&nbsp;&nbsp;%3</span>")
                   .arg(color, time.toHtmlEscaped(), text.toHtmlEscaped()));
    if (atEnd)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace fathom
