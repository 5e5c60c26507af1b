#pragma once

// QTEST_GUILESS_MAIN for the suites that train models: first the BLAS kernels that suit the CPU
// and the heap's handling of large blocks, as fathom and fathom-cli set them
// (common/blaskernels.h), so the suites run at the speed a user gets.
#include "common/blaskernels.h"

#include <QCoreApplication>
#include <QTest>

#define FATHOM_TORCH_TEST_MAIN(TestObject)                                                                             \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        fathom::chooseBlasKernels(argv);                                                                               \
        fathom::reuseLargeBlocks();                                                                                    \
        QCoreApplication app(argc, argv);                                                                              \
        TestObject test;                                                                                               \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
