#pragma once

#include "common/alertrules.h"

#include <QDialog>

#include <functional>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace fathom {

// Tools → Alert Settings: how the active model's anomaly scores become alerts — the score an
// alert opens above (1: the threshold the model chose from its training data), where it closes
// again (hysteresis), the shortest alert kept and the gap below which two become one. Restore
// Defaults puts back the model's own; the caller applies what is accepted.
class AlertSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `count`: how many alerts given rules find over the series shown (-1: not known), said below
    // the boxes as they change.
    using Counter = std::function<int(const AlertRules&)>;
    AlertSettingsDialog(const AlertRules& current, const AlertRules& modelRules, const Counter& count = {},
                        QWidget* parent = nullptr);
    AlertRules rules() const;

private:
    void fill(const AlertRules& rules);
    void showCount();

    Counter m_count;
    int m_countNow = -1;
    QLabel* m_countLabel = nullptr;
    AlertRules m_filled; // what the boxes were filled with (exact, before their rounding)
    QDoubleSpinBox *m_threshold = nullptr, *m_release = nullptr;
    QSpinBox *m_minimumRows = nullptr, *m_mergeGap = nullptr;
};

} // namespace fathom
