/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_INT_HIDDEN_DEFAULT 12
#define CONFIG_INT_NO_DEFAULT 0
#define CONFIG_STRING_ESCAPES "a \"quoted\" \\ back"
#define CONFIG_HEX_NO_DEFAULT 0x0
#define CONFIG_HEX_USER_NO_PREFIX 0xbeef
#define CONFIG_HEX_FROM_INT 0x12
#define CONFIG_STRING_NO_DEFAULT ""
