/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_MEMBER_DEP_A 1
#define CONFIG_MODULES 1
#define CONFIG_DEF_C 1
#define CONFIG_PLAIN_B 1
