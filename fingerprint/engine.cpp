#include "fingerprint/engine.hpp"
