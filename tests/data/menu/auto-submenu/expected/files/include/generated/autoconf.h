/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_Q 1
#define CONFIG_P 1
#define CONFIG_R 1
#define CONFIG_P_ONE 1
