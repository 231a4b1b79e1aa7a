/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_SEL_M_MODULE 1
#define CONFIG_HELPER 1
#define CONFIG_B_BY_M 1
#define CONFIG_T_BY_M_MODULE 1
#define CONFIG_MODULES 1
#define CONFIG_T_USER_HIGHER 1
#define CONFIG_T_BY_BOTH 1
#define CONFIG_SELECTS_DIRECTLY_MODULE 1
#define CONFIG_SEL_Y 1
