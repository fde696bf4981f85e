from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "dateline.delivery"
    label = "delivery"
    verbose_name = "Delivery"

    def ready(self):
        from dateline.delivery import invalidation

        invalidation.register()
