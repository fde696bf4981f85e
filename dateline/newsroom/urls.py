from django.urls import path

from dateline.newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("topics/", views.topic_index, name="topic_index"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("authors/", views.author_index, name="author_index"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
]
