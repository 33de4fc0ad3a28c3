pub mod subscription;
