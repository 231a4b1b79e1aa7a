/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_MODULES 1
#define CONFIG_E 1
#define CONFIG_D_MODULE 1
#define CONFIG_A_MODULE 1
#define CONFIG_C 1
#define CONFIG_B_MODULE 1
