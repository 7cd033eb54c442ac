// SPDX-License-Identifier: MIT
#pragma once
/// @file
/// Umbrella header: everything libvssmeta offers.

#include "vssmeta/backup_components.h"
#include "vssmeta/capture.h"
#include "vssmeta/capture_set.h"
#include "vssmeta/config.h"
#include "vssmeta/diagnostic.h"
#include "vssmeta/dump.h"
#include "vssmeta/enums.h"
#include "vssmeta/extras.h"
#include "vssmeta/guid.h"
#include "vssmeta/hierarchy.h"
#include "vssmeta/hresult.h"
#include "vssmeta/location.h"
#include "vssmeta/parse.h"
#include "vssmeta/report.h"
#include "vssmeta/result.h"
#include "vssmeta/selection.h"
#include "vssmeta/serialize.h"
#include "vssmeta/source_info.h"
#include "vssmeta/validate.h"
#include "vssmeta/version.h"
#include "vssmeta/writer_metadata.h"
