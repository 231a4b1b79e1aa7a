/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_TOO_HIGH 10
#define CONFIG_NEG_RANGE -5
#define CONFIG_HEX_USER 0x10
#define CONFIG_CONDITIONAL 10
#define CONFIG_TOO_LOW 5
#define CONFIG_SYMBOL_BOUNDS 10
#define CONFIG_DEFAULT_OUTSIDE 10
#define CONFIG_MIN 10
#define CONFIG_HEX_RANGE 0x1ff
