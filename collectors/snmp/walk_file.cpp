#include "collectors/snmp/walk_file.hpp"
