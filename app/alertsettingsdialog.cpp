#include "alertsettingsdialog.h"

#include "settingsboxes.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fathom {

namespace {

QSpinBox* rowsBox(QWidget* parent, const char* name, int low, const QString& tip)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, 1000000);
    box->setToolTip(tip);
    return box;
}

} // namespace

AlertSettingsDialog::AlertSettingsDialog(const AlertRules& current, const AlertRules& modelRules, const Counter& count,
                                         QWidget* parent)
    : QDialog(parent)
    , m_count(count)
{
    setObjectName(QStringLiteral("alertSettingsDialog"));
    setWindowTitle(tr("Alert Settings"));
    auto* intro = new QLabel(tr("How the models' anomaly scores become alerts, saved with the project. Alerts "
                                "already reviewed stay; the others are found again."),
                             this);
    intro->setWordWrap(true);
    m_threshold = settingsboxes::spinBox(this, "threshold", 0.05, 100, 0.1, 2, QString(),
                                         tr("An alert opens where the score rises above this. 1 is the threshold the "
                                            "model chose from its training data: higher gives fewer alerts, lower "
                                            "more."));
    m_release = settingsboxes::spinBox(this, "release", 0.05, 1, 0.05, 2, tr(" × threshold"),
                                       tr("An open alert closes where the score falls below the threshold times "
                                          "this: lower keeps an alert open through a dip (hysteresis)."));
    m_minimumRows = rowsBox(this, "minimumRows", 1, tr("Alerts shorter than this are dropped as flicker."));
    m_minimumRows->setSuffix(tr(" rows"));
    m_mergeGap = rowsBox(this, "mergeGap", 0, tr("Two alerts this close or closer become one."));
    m_mergeGap->setSuffix(tr(" rows"));
    auto* form = new QFormLayout;
    form->addRow(tr("Alert above score"), m_threshold);
    form->addRow(tr("Close below"), m_release);
    form->addRow(tr("Shortest alert"), m_minimumRows);
    form->addRow(tr("Merge alerts apart by up to"), m_mergeGap);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("alertCount"));
    m_countLabel->setWordWrap(true);
    m_countNow = m_count ? m_count(current) : -1;
    for (auto* box : {m_threshold, m_release})
        connect(box, &QDoubleSpinBox::valueChanged, this, &AlertSettingsDialog::showCount);
    for (auto* box : {m_minimumRows, m_mergeGap})
        connect(box, &QSpinBox::valueChanged, this, &AlertSettingsDialog::showCount);

    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::RestoreDefaults)->setToolTip(tr("The rules the model was trained with"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this, modelRules] { fill(modelRules); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_countLabel);
    layout->addWidget(buttons);
    fill(current);
}

void AlertSettingsDialog::showCount()
{
    const int n = m_count ? m_count(rules()) : -1;
    m_countLabel->setVisible(n >= 0 && m_countNow >= 0);
    m_countLabel->setText(
        tr("The active model finds %n alert(s) over the series by these rules (%1 now).", nullptr, n).arg(m_countNow));
}

void AlertSettingsDialog::fill(const AlertRules& rules)
{
    m_filled = rules;
    {
        // One count for the lot, not one per box (each runs over the whole series).
        const QSignalBlocker a(m_threshold), b(m_release), c(m_minimumRows), d(m_mergeGap);
        m_threshold->setValue(rules.threshold);
        m_release->setValue(rules.release);
        m_minimumRows->setValue(int(rules.minimumLength));
        m_mergeGap->setValue(int(rules.mergeGap));
    }
    showCount();
}

AlertRules AlertSettingsDialog::rules() const
{
    AlertRules r;
    r.threshold = float(settingsboxes::kept(m_threshold, m_filled.threshold));
    r.release = float(settingsboxes::kept(m_release, m_filled.release));
    r.minimumLength = std::size_t(m_minimumRows->value());
    r.mergeGap = std::size_t(m_mergeGap->value());
    return r;
}

} // namespace fathom
