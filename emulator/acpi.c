/* SPDX-License-Identifier: MIT */
/*
 * The machine's ACPI description (docs/ia64-platform.md §6): one Local
 * SAPIC per CPU, the PIB, the console UART and the sleep registers of the
 * power device, built with the shared builders of common/fw.
 */
#include "firmware.h"
#include "machine.h"
#include "platform.h"
#include "ia64/fw/acpi.h"

int acpi_install(struct machine *m, struct fw_image *im, uint64_t *rsdp)
{
	const struct acpi_machine am = {
		.ncpus = m->ncpus,
		.pib_base = PLAT_PIB_BASE,
		.uart_base = PLAT_UART_BASE,
		.sleep_control = PLAT_POWER_BASE + PLAT_SLEEP_CONTROL_OFF,
		.sleep_status = PLAT_POWER_BASE + PLAT_SLEEP_STATUS_OFF,
	};

	if (acpi_tables_size(&am) > FW_ACPI_SIZE)
		return -1;
	return acpi_build_tables(im, FW_ACPI_PA, &am, rsdp);
}
