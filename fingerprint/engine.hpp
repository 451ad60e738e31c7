#pragma once
// The fingerprint engine: evidence in, verdict with reasons out. API sketch; implementation here.
#include "model/evidence.hpp"
#include "model/verdict.hpp"
