// AnalysisController's review side: the alerts shown in the dock and on the plot, reviews and
// notes with undo, the analyst's own marks, an alert's details.
#include "alerttable.h"
#include "analysiscontroller.h"
#include "lambdacommand.h"
#include "ml/alertrun.h"
#include "ml/modelfolder.h"
#include "seriesplot.h"

#include <QDateTime>
#include <QMenu>
#include <QTimeZone>

#include <cmath>

namespace fathom {

namespace {

QString when(double seconds, bool isTime)
{
    if (!isTime)
        return QString::number(seconds, 'f', 0);
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)), QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

} // namespace

void AnalysisController::setAlerts(const QVector<ReviewedAlert>& alerts)
{
    ++m_detectGeneration; // a model run begun for the alerts before leaves these alone
    m_undo.clear();
    m_alerts = alerts;
    showAlerts();
}

void AnalysisController::setAlertRules(const std::optional<AlertRules>& rules, bool findAgain)
{
    if (rules == m_alertRules)
        return;
    m_alertRules = rules;
    if (findAgain && !m_activeModel.isEmpty())
        setActiveModel(m_activeModel); // found again by the new rules; reviewed alerts stay
}

AlertRules AnalysisController::modelAlertRules() const
{
    try {
        if (const auto card = ml::readModelCard(m_activeModel.toStdString()); card.alerts)
            return card.alerts->rules;
    } catch (const std::exception&) {
        // No model, or one that cannot be read: the rules calibration gives every model.
    }
    return ml::calibratedRules();
}

int AnalysisController::alertCountBy(const AlertRules& rules) const
{
    if (!m_scores || !alertRulesProblem(rules).empty())
        return -1;
    return int(ml::findAlerts(*m_scores, rules).size());
}

void AnalysisController::showAlerts()
{
    QVector<AlertTable::Row> rows;
    QVector<SeriesPlot::Alert> marks;
    for (const auto& a : m_alerts) {
        rows.append({when(a.start, m_isTime), when(a.end, m_isTime), when(a.peak, m_isTime), a.end - a.start, a.score,
                     a.channels, a.model, a.status, a.note});
        marks.append({a.start, a.end, a.peak, a.score, a.status});
    }
    const int current = m_table->currentAlert();
    m_table->setAlerts(rows);
    m_plot->setAlerts(marks);
    if (current >= 0 && current < rows.size())
        m_table->setCurrentAlert(current);
    m_table->setDetails(details(m_table->currentAlert())); // the alert under it may have changed
    emit alertsChanged();
}

void AnalysisController::applyReview(int index, const QString& status, const QString& note)
{
    if (index < 0 || index >= m_alerts.size())
        return;
    m_alerts[index].status = status;
    m_alerts[index].note = note;
    showAlerts();
    m_table->setCurrentAlert(index);
}

void AnalysisController::review(int index, const QString& status)
{
    if (index < 0 || index >= m_alerts.size())
        return;
    pushStatus(index, status);
    // Review goes on with the next alert, as an analyst works down the list.
    m_table->moveCurrent(1);
}

void AnalysisController::pushStatus(int index, const QString& status)
{
    const auto before = m_alerts[index];
    const auto text = status == QLatin1String("confirmed")  ? tr("Confirm alert")
                      : status == QLatin1String("rejected") ? tr("Reject alert")
                                                            : tr("Set alert back to new");
    m_undo.push(new LambdaCommand(
        text, [this, index, status, before] { applyReview(index, status, before.note); },
        [this, index, before] { applyReview(index, before.status, before.note); }));
}

void AnalysisController::addReviewActions(QMenu* menu, int index)
{
    if (index < 0 || index >= m_alerts.size())
        return;
    m_table->setCurrentAlert(index); // the dock shows what the menu acts on
    m_table->addReviewActions(
        menu, index, QStringLiteral("Alert"),
        [this, index](const QString& status) {
            if (index < m_alerts.size())
                pushStatus(index, status);
        },
        tr("Note on the alert:"));
    if (m_alerts[index].model == QLatin1String("analyst")) {
        auto* action = menu->addAction(tr("Delete Anomaly Mark"), this, [this, index] { remove(index); });
        action->setObjectName(QStringLiteral("deleteAlert"));
        action->setShortcut(QKeySequence(QKeySequence::Delete));
    }
}

void AnalysisController::remove(int index)
{
    if (index < 0 || index >= m_alerts.size())
        return;
    const auto alert = m_alerts[index];
    if (alert.model != QLatin1String("analyst")) {
        emit message(tr("That alert was found by model %1: reject it (X) instead, or its next run would find it "
                        "again.")
                         .arg(alert.model));
        return;
    }
    const auto select = [this](int at) {
        showAlerts();
        if (at >= 0 && at < m_alerts.size())
            m_table->setCurrentAlert(at);
    };
    m_undo.push(new LambdaCommand(
        tr("Delete anomaly mark"),
        [this, select, index] {
            m_alerts.remove(index);
            select(std::min(index, int(m_alerts.size()) - 1));
        },
        [this, select, index, alert] {
            m_alerts.insert(index, alert);
            select(index);
        }));
}

void AnalysisController::setNote(int index, const QString& note)
{
    if (index < 0 || index >= m_alerts.size())
        return;
    const auto before = m_alerts[index];
    m_undo.push(new LambdaCommand(
        tr("Edit note"), [this, index, note, before] { applyReview(index, before.status, note); },
        [this, index, before] { applyReview(index, before.status, before.note); }));
}

QString AnalysisController::details(int index) const
{
    if (index < 0 || index >= m_alerts.size())
        return {};
    const auto& a = m_alerts[index];
    const auto status = a.status == QLatin1String("confirmed")  ? tr("confirmed")
                        : a.status == QLatin1String("rejected") ? tr("rejected")
                                                                : tr("not reviewed");
    QString text = tr("<b>%1</b> · %2 to %3 (rows %4–%5) · score %6 (1 is the threshold) · model %7 · %8")
                       .arg(when(a.peak, m_isTime), when(a.start, m_isTime), when(a.end, m_isTime))
                       .arg(a.startRow)
                       .arg(a.endRow)
                       .arg(a.score, 0, 'f', 2)
                       .arg(a.model.toHtmlEscaped(), status);
    if (m_alertRules)
        text += tr(" · alerts above %1 by the Alert Settings").arg(double(m_alertRules->threshold), 0, 'g', 3);
    if (!m_target.isEmpty() && m_plot->forecasts().contains(a.model))
        text += tr("<br>%1 at the peak: %2").arg(m_target).arg(m_plot->valueAt(m_target, a.peak), 0, 'g', 6);
    for (const auto& channel : a.channels.split(QStringLiteral(", "), Qt::SkipEmptyParts))
        if (channel != m_target)
            text += tr("<br>%1 at the peak: %2").arg(channel).arg(m_plot->valueAt(channel, a.peak), 0, 'g', 6);
    if (!a.note.isEmpty())
        text += tr("<br>Note: %1").arg(a.note.toHtmlEscaped());
    return text;
}

void AnalysisController::markAnomaly(double start, double end)
{
    if (m_seriesPath.isEmpty() || end <= start)
        return;
    ReviewedAlert alert;
    alert.start = start;
    alert.end = end;
    alert.peak = (start + end) / 2;
    alert.startRow = m_plot->rowAt(start);
    alert.endRow = std::max(alert.startRow, m_plot->rowAt(end) - 1);
    alert.peakRow = (alert.startRow + alert.endRow) / 2;
    alert.model = QStringLiteral("analyst");
    alert.status = QStringLiteral("confirmed");
    m_undo.push(new LambdaCommand(
        tr("Mark anomaly"),
        [this, alert] {
            m_alerts.append(alert);
            showAlerts();
            m_table->setCurrentAlert(int(m_alerts.size()) - 1);
        },
        [this] {
            m_alerts.removeLast();
            showAlerts();
        }));
    m_plot->setSelection(0, 0);
}

void AnalysisController::showMoment(double time)
{
    m_plot->showMoment(time);
}

} // namespace fathom
