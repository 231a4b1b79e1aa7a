autoconfig := include/config/auto.conf

deps_config := \
	Kconfig \

$(autoconfig): $(deps_config)
$(deps_config): ;

ifneq "$(FROM_ENV)" "environment value"
$(autoconfig): FORCE
endif

ifneq "$(EMPTY_ENV)" ""
$(autoconfig): FORCE
endif
