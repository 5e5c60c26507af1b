#pragma once

#include <QDoubleSpinBox>
#include <QString>

#include <cmath>

// The settings dialogs' number boxes (Tools → Detection Settings, Alert Settings).
namespace fathom::settingsboxes {

inline QDoubleSpinBox* spinBox(QWidget* parent, const char* name, double low, double high, double step, int decimals,
                               const QString& suffix, const QString& tip)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    return box;
}

// The box's value, or the exact one it was filled with while the box still shows that rounded: a
// project's 2.345 (set with fathom-cli) shown as 2.35 and left alone stays 2.345, and OK without
// a change changes nothing (no detection again, no unsaved project).
inline double kept(const QDoubleSpinBox* box, double filled)
{
    const double step = std::pow(10.0, -box->decimals());
    return std::abs(box->value() - std::round(filled / step) * step) < step / 2 ? filled : box->value();
}

} // namespace fathom::settingsboxes
