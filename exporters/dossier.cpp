#include "exporters/dossier.hpp"
