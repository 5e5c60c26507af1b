#pragma once

#include "common/modelsizes.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace fathom {

// Training dock → Model Settings…: dropout for every model trained and PatchTST's sizes. OK stays
// off while the sizes cannot make a PatchTST (a width the heads do not divide), with the reason
// shown; Restore Defaults brings back the models' own defaults (ModelSizes{}, which ml::ModelConfig's are).
class ModelSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ModelSettingsDialog(const ModelSizes& sizes, QWidget* parent = nullptr);
    void setSizes(const ModelSizes& sizes);
    ModelSizes sizes() const;
    // Empty when a PatchTST of these sizes can be built, else why not (translated).
    static QString problem(const ModelSizes& sizes);

private:
    void refresh();

    QDoubleSpinBox* m_dropout = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_heads = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_feedForward = nullptr;
    QSpinBox* m_patchLength = nullptr;
    QSpinBox* m_patchStride = nullptr;
    QCheckBox* m_revin = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace fathom
