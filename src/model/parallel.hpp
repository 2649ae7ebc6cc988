#pragma once
// The model's per-note loops use kb::parallel_for (kb/util/parallel.hpp).
#include "kb/util/parallel.hpp"

namespace kb::model {
using kb::parallel_for;
}  // namespace kb::model
