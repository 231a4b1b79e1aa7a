/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_DEP_TRI_MODULE 1
#define CONFIG_SELECTOR_M_MODULE 1
#define CONFIG_MODULES 1
#define CONFIG_NEEDS_TRI 1
#define CONFIG_SELECTOR_TRI_Y 1
#define CONFIG_NEEDS_DEP 1
#define CONFIG_SELECTOR_Y 1
